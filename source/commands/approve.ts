// `sagemon approve PACKAGE [--description TEXT]`: sets a model package version's approval status to Approved.
import {approvalCommand} from './approval.js';

export default approvalCommand('approve', 'Approved');
