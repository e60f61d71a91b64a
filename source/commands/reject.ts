// `sagemon reject PACKAGE [--description TEXT]`: sets a model package version's approval status to Rejected.
import {approvalCommand} from './approval.js';

export default approvalCommand('reject', 'Rejected');
