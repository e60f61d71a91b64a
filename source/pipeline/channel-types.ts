// What edge routing knows of the channels between layers: their hops, and where lines cross them for one placement.
/**
 * The hops of one channel (the gap after a layer), whatever the positions. A hop is one step of a layered edge's
 * chain, numbered across the graph; several edges can share one (lines from a source sharing its dummies).
 */
export type ChannelHops = {
	/** The sources whose lines come down into the channel, first seen first. */
	sources: number[];
	/** Per source, its hops, by first-seen target. */
	sourceHops: number[][];
	/** The targets, in the order of their sources, each with its hops in the order of their sources. */
	targets: number[];
	targetHops: number[][];
	/** Per target: every line into it carries a single edge, so they can join into one arrow. */
	fanIn: boolean[];
	/** A branch (if/else) ends in the channel, so its label needs room. */
	labelled: boolean;
};

export type ChannelHopsOfGraph = {
	channels: ChannelHops[];
	hopSource: Int32Array;
	hopTarget: Int32Array;
	/** Per layered edge, the hop of each step of its chain. */
	edgeHops: number[][];
};

/** Where lines cross the channels for one placement. */
export type ChannelPlan = {
	/** Per channel, how many tracks its buses turn on. */
	tracks: number[];
	/** Per hop: the column (row, sideways) where it enters its target. */
	dropOf: Float64Array;
	/** Per source item whose bus turns: its track in its channel. */
	trackOf: Int32Array;
	/** Per item: how many cells its side lacks for clean arrows (0: enough). Those arrows are placed anyway. */
	lacking: Int32Array;
};
