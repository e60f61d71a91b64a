// The laid-out picture: boxes and orthogonal edge paths on a character grid.
import type {EdgeKind} from './model.js';

export type NodeBox = {
	name: string;
	/** The step's type, drawn on the box's second line when no decoration is given. */
	type: string;
	x: number;
	y: number;
	width: number;
	height: number;
	layer: number;
};
/** An orthogonal polyline in cell coordinates, from a cell on the source box's border to one on the target's. */
export type EdgePath = {from: string; to: string; kind: EdgeKind; points: Array<{x: number; y: number}>};
export type DagLayout = {
	width: number;
	height: number;
	boxes: NodeBox[];
	edges: EdgePath[];
	direction: 'down' | 'right';
};
