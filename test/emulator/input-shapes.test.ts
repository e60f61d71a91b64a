// The emulator's request constraints agree with botocore's model of each operation it serves.
import {describe, expect, it} from 'vitest';
import {inputShapes as pipelineShapes} from '../../source/emulator/input-shapes.js';
import {resourceInputShapes} from '../../source/emulator/resource-input-shapes.js';
import {operations} from '../../source/emulator/sagemaker-operations.js';
import type {Shape} from '../../source/emulator/validate-input.js';
import {loadSageMakerModel, type ModelShape} from './botocore-model.js';

const model = loadSageMakerModel();
const inputShapes = {...pipelineShapes, ...resourceInputShapes};

/** Differences between our declaration and the model's shape, member by member. */
function compare(ours: Shape, shapeName: string, path: string, problems: string[]): void {
	const theirs: ModelShape = model.shapes[shapeName]!;
	const type = theirs.type === 'long' && ours.type === 'long' ? 'long' : theirs.type;
	if (type !== ours.type) {
		problems.push(`${path}: ${ours.type} here, ${theirs.type} in the model`);
		return;
	}

	// Members the emulator keeps without reading inside are declared with their type only.
	if ('uncheckedInside' in ours) return;
	if (ours.type === 'structure') {
		const members = Object.keys(theirs.members ?? {}).sort();
		expect(Object.keys(ours.members).sort(), `${path} members`).toEqual(members);
		expect([...(ours.required ?? [])].sort(), `${path} required`).toEqual(
			[...(theirs.required ?? [])].sort(),
		);
		for (const [name, member] of Object.entries(ours.members))
			compare(member, theirs.members![name]!.shape, `${path}.${name}`, problems);
		return;
	}

	if (ours.type === 'list') {
		compare(ours.member, theirs.member!.shape, `${path}[]`, problems);
	}

	if ('min' in ours && ours.min !== undefined && ours.min !== (theirs.min ?? 0))
		problems.push(`${path}: min ${ours.min} vs ${theirs.min}`);
	if ('max' in ours && ours.max !== undefined && ours.max !== theirs.max)
		problems.push(`${path}: max ${ours.max} vs ${theirs.max}`);
	if (ours.type === 'string') {
		if (ours.pattern !== undefined && ours.pattern !== theirs.pattern)
			problems.push(`${path}: pattern ${ours.pattern} vs ${theirs.pattern}`);
		if (ours.pattern === undefined && theirs.pattern !== undefined && !/^\.[*+]/.test(theirs.pattern)) {
			problems.push(`${path}: the model's pattern ${theirs.pattern} is not checked`);
		}

		if (JSON.stringify(ours.enum) !== JSON.stringify(theirs.enum)) problems.push(`${path}: enum differs`);
	}
}

describe('input shapes', () => {
	it('declares every served operation', () => {
		expect(Object.keys(inputShapes).sort()).toEqual(Object.keys(operations).sort());
	});

	it.each(Object.keys(inputShapes))('%s matches the model', (operation) => {
		const problems: string[] = [];
		compare(inputShapes[operation]!, model.operations[operation]!.input!.shape, operation, problems);
		expect(problems).toEqual([]);
	});
});
