// The members of one step of a definition besides its name and type: DependsOn, PropertyFiles, CacheConfig, and
// the shape of a Condition step's Arguments. Each reports its problems with the member's JSON path.
import {describeJsonType, shorten} from './definition-parameters.js';
import {isRecord} from './expressions.js';
import {indexPath} from './json-path.js';
import type {DefinitionProblem, PropertyFileDefinition, StepDefinition} from './model.js';

export function parseDependsOn(
	value: unknown,
	step: string,
	path: string,
	problems: DefinitionProblem[],
): string[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) {
		problems.push({path, step, message: `DependsOn of '${shorten(step)}' must be a list of step names`});
		return [];
	}

	const names: string[] = [];
	value.forEach((item, index) => {
		if (typeof item === 'string' && item !== '') names.push(item);
		else
			problems.push({
				path: indexPath(path, index),
				step,
				message: `DependsOn entries must be step names, got ${describeJsonType(item)}`,
			});
	});
	return names;
}

export function parsePropertyFiles(
	value: unknown,
	step: string,
	path: string,
	problems: DefinitionProblem[],
): PropertyFileDefinition[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) {
		problems.push({path, step, message: `PropertyFiles of '${shorten(step)}' must be a list`});
		return [];
	}

	const files: PropertyFileDefinition[] = [];
	value.forEach((item, index) => {
		const itemPath = indexPath(path, index);
		if (
			!isRecord(item) ||
			typeof item.PropertyFileName !== 'string' ||
			typeof item.OutputName !== 'string' ||
			typeof item.FilePath !== 'string'
		) {
			problems.push({
				path: itemPath,
				step,
				message: 'A property file needs PropertyFileName, OutputName and FilePath texts',
			});
			return;
		}

		files.push({name: item.PropertyFileName, outputName: item.OutputName, filePath: item.FilePath});
	});
	return files;
}

export function parseCacheConfig(
	value: unknown,
	report: (member: string, message: string) => void,
): StepDefinition['cacheConfig'] {
	if (value === undefined || value === null) return undefined;
	if (!isRecord(value) || typeof value.Enabled !== 'boolean') {
		report('CacheConfig', 'CacheConfig must be {"Enabled": true|false, "ExpireAfter"?: "30d"}');
		return undefined;
	}

	const config: NonNullable<StepDefinition['cacheConfig']> = {enabled: value.Enabled};
	if (typeof value.ExpireAfter === 'string') config.expireAfter = value.ExpireAfter;
	else if (value.ExpireAfter !== undefined && value.ExpireAfter !== null) {
		report(
			'CacheConfig.ExpireAfter',
			'CacheConfig.ExpireAfter must be a duration text such as "30d" or "PT1H"',
		);
	}

	return config;
}

export function checkConditionArguments(
	value: unknown,
	report: (member: string, message: string) => void,
): void {
	if (!isRecord(value)) {
		report('Arguments', 'A Condition step needs Arguments with Conditions, IfSteps and ElseSteps');
		return;
	}

	if (!Array.isArray(value.Conditions))
		report('Arguments.Conditions', 'A Condition step needs a Conditions list');
}
