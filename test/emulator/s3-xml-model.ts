// Checks S3 (rest-xml) responses against botocore's S3 model: the body's elements against the output shape (member
// and list element names, flattened lists, unknown and missing required members, integers, booleans, enums,
// ISO 8601 timestamps), the modeled headers' values, and error bodies' <Error><Code/><Message/></Error> form.
import {gunzipSync} from 'node:zlib';
import {readFileSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {python} from '../helpers/aws-programs.js';

type Reference = {shape: string; locationName?: string; location?: string; flattened?: boolean};
type Shape = {
	type: string;
	members?: Record<string, Reference>;
	required?: string[];
	member?: Reference;
	enum?: string[];
	flattened?: boolean;
	payload?: string;
	timestampFormat?: string;
};
export type S3Model = {
	operations: Record<string, {output?: {shape: string}; errors?: Array<{shape: string}>}>;
	shapes: Record<string, Shape>;
};

export type XmlElement = {name: string; children: XmlElement[]; text: string};

let cached: S3Model | undefined;

export function loadS3Model(): S3Model {
	if (!cached) {
		const root = execFileSync(
			python(),
			['-c', 'import botocore, os; print(os.path.dirname(botocore.__file__))'],
			{encoding: 'utf8'},
		).trim();
		const file = `${root}/data/s3/2006-03-01/service-2.json.gz`;
		cached = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as S3Model;
	}

	return cached;
}

const entities: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"};

function decode(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
		if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
		if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
		return entities[name] ?? whole;
	});
}

/** Parses the plain XML S3 answers with (elements, text, a declaration; attributes are ignored). */
export function parseXml(xml: string): XmlElement {
	const document: XmlElement = {name: '#document', children: [], text: ''};
	const stack = [document];
	const tokens = /<\?[^>]*\?>|<!--[\s\S]*?-->|<\/([^\s>]+)\s*>|<([^\s/>]+)[^>]*?(\/?)>|([^<]+)/g;
	for (const [, closing, opening, selfClosing, text] of xml.matchAll(tokens)) {
		if (closing) {
			const closed = stack.pop();
			if (closed?.name !== closing) throw new Error(`</${closing}> closes <${closed?.name}>`);
		} else if (opening) {
			const element: XmlElement = {name: opening, children: [], text: ''};
			stack.at(-1)!.children.push(element);
			if (!selfClosing) stack.push(element);
		} else if (text !== undefined) stack.at(-1)!.text += decode(text);
	}

	if (stack.length !== 1 || document.children.length !== 1)
		throw new Error(`not one well-formed root element: ${xml.slice(0, 200)}`);
	return document.children[0]!;
}

const isoTimestamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const httpDate = /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/;

function checkScalar(shape: Shape, text: string, header: boolean): string | undefined {
	switch (shape.type) {
		case 'integer':
		case 'long':
			return /^-?\d+$/.test(text) ? undefined : `'${text}' is not an integer`;
		case 'boolean':
			return text === 'true' || text === 'false' ? undefined : `'${text}' is not a boolean`;
		case 'timestamp': {
			const format = shape.timestampFormat ?? (header ? 'rfc822' : 'iso8601');
			const pattern = format === 'rfc822' ? httpDate : isoTimestamp;
			return pattern.test(text) ? undefined : `'${text}' is not an ${format} timestamp`;
		}

		case 'string':
			return shape.enum && !shape.enum.includes(text)
				? `'${text}' is not one of ${shape.enum.join(', ')}`
				: undefined;
		default:
			return undefined;
	}
}

/** Body members of a structure: those not sent in headers, the status code or the query. */
function bodyMembers(shape: Shape): Array<[string, Reference]> {
	return Object.entries(shape.members ?? {}).filter(([, reference]) => reference.location === undefined);
}

function checkElement(
	model: S3Model,
	shapeName: string,
	element: XmlElement,
	path: string,
	problems: string[],
) {
	const shape = model.shapes[shapeName]!;
	if (shape.type === 'structure') {
		const expected = new Set<string>();
		for (const [name, reference] of bodyMembers(shape)) {
			const target = model.shapes[reference.shape]!;
			const xmlName = reference.locationName ?? name;
			expected.add(xmlName);
			const found = element.children.filter((child) => child.name === xmlName);
			if (found.length === 0 && shape.required?.includes(name))
				problems.push(`${path}: required member ${name} (<${xmlName}>) is missing`);
			if (target.type === 'list' && (target.flattened || reference.flattened)) {
				found.forEach((item, index) => {
					checkElement(model, target.member!.shape, item, `${path}.${xmlName}[${index}]`, problems);
				});
				continue;
			}

			if (found.length > 1) problems.push(`${path}: <${xmlName}> appears ${found.length} times`);
			if (found[0]) checkElement(model, reference.shape, found[0], `${path}.${xmlName}`, problems);
		}

		for (const child of element.children)
			if (!expected.has(child.name))
				problems.push(`${path}: unknown element <${child.name}> (shape ${shapeName})`);
		return;
	}

	if (shape.type === 'list') {
		const itemName = shape.member!.locationName ?? 'member';
		element.children.forEach((child, index) => {
			if (child.name !== itemName)
				problems.push(`${path}[${index}]: <${child.name}>, expected <${itemName}>`);
			else checkElement(model, shape.member!.shape, child, `${path}[${index}]`, problems);
		});
		return;
	}

	if (element.children.length > 0) problems.push(`${path}: a ${shape.type} with child elements`);
	const problem = checkScalar(shape, element.text, false);
	if (problem) problems.push(`${path}: ${problem} (shape ${shapeName})`);
}

/**
 * Every difference between a 2xx answer and the operation's output shape. `rootName` is the body's root element as
 * the S3 API reference names it (botocore does not model it unless the output has a payload member).
 */
export function checkS3Output(
	model: S3Model,
	operation: string,
	response: {body: string; headers: Headers},
	rootName?: string,
): string[] {
	const problems: string[] = [];
	const outputName = model.operations[operation]?.output?.shape;
	if (!model.operations[operation]) return [`${operation} is not an S3 operation`];
	if (!outputName) return response.body.trim() === '' ? [] : [`${operation} has no output, but a body`];
	const output = model.shapes[outputName]!;
	for (const [name, reference] of Object.entries(output.members ?? {})) {
		if (reference.location !== 'header') continue;
		const value = response.headers.get(reference.locationName!);
		const problem = value === null ? undefined : checkScalar(model.shapes[reference.shape]!, value, true);
		if (problem) problems.push(`header ${reference.locationName} (${name}): ${problem}`);
	}

	const payload = output.payload ? output.members![output.payload] : undefined;
	// An object's bytes (GetObject's Body) are not XML.
	if (payload && model.shapes[payload.shape]!.type === 'blob') return problems;
	const hasBody = payload !== undefined || bodyMembers(output).length > 0;
	if (!hasBody) {
		if (response.body.trim() !== '') problems.push(`${operation} models no body, but one came`);
		return problems;
	}

	if (response.body.trim() === '') return [...problems, `${operation}: the body is empty`];
	const root = parseXml(response.body);
	const expectedRoot = payload ? (payload.locationName ?? output.payload) : rootName;
	if (expectedRoot && root.name !== expectedRoot)
		problems.push(`root <${root.name}>, expected <${expectedRoot}>`);
	checkElement(model, payload ? payload.shape : outputName, root, root.name, problems);
	return problems;
}

/** An S3 error answer's body: <Error> with a non-empty Code and Message; returns the code. */
export function s3ErrorCode(body: string): string {
	const root = parseXml(body);
	if (root.name !== 'Error') throw new Error(`an error body's root is <${root.name}>`);
	const text = (name: string) => root.children.find((child) => child.name === name)?.text ?? '';
	if (text('Code') === '' || text('Message') === '')
		throw new Error(`an error without Code or Message: ${body}`);
	return text('Code');
}
