import { SaxesParser, type SaxesTagNS } from 'saxes';

/** One element of a small XML document: namespace, local name, attributes by local name, children, own text. */
export interface XmlElement {
	ns: string;
	local: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	text: string;
}

/** Raised for XML this module will not read (malformed, a DTD, too large, too deep). */
export class XmlRefused extends Error {}

const MAX_DEPTH = 64;

/**
 * Reads a small XML document into a tree, safely: no DTD (so no entities beyond XML's five, nothing fetched),
 * a hard cap on the input's length and on nesting. Used for IdP metadata, privilege lists and the checks the
 * SAML library leaves to us (Destination, Recipient); never for verifying signatures.
 * @example const root = readXml(xml, 1_000_000); root.local === 'EntityDescriptor'
 */
export function readXml(xml: string, maxChars: number): XmlElement {
	if (xml.length > maxChars) throw new XmlRefused('too large');
	const parser = new SaxesParser({ xmlns: true });
	const stack: XmlElement[] = [];
	let root: XmlElement | undefined;
	parser.on('doctype', () => {
		throw new XmlRefused('doctype');
	});
	parser.on('opentag', (tag: SaxesTagNS) => {
		if (stack.length >= MAX_DEPTH) throw new XmlRefused('too deep');
		const attributes: Record<string, string> = {};
		for (const attribute of Object.values(tag.attributes)) {
			if (attribute.prefix !== 'xmlns' && attribute.name !== 'xmlns') attributes[attribute.local] = attribute.value;
		}
		const element: XmlElement = { ns: tag.uri, local: tag.local, attributes, children: [], text: '' };
		if (stack.length > 0) stack[stack.length - 1].children.push(element);
		else if (root) throw new XmlRefused('two roots');
		else root = element;
		stack.push(element);
	});
	parser.on('closetag', () => void stack.pop());
	const onText = (text: string) => {
		if (stack.length > 0) stack[stack.length - 1].text += text;
	};
	parser.on('text', onText);
	parser.on('cdata', onText);
	try {
		parser.write(xml).close();
	} catch (error) {
		if (error instanceof XmlRefused) throw error;
		throw new XmlRefused(error instanceof Error ? error.message : 'malformed');
	}
	if (!root) throw new XmlRefused('empty');
	return root;
}

/** The element's children with this local name (and namespace, when given). */
export function childrenNamed(element: XmlElement, local: string, ns?: string): XmlElement[] {
	return element.children.filter((c) => c.local === local && (ns === undefined || c.ns === ns));
}

/** Every descendant (depth first) with this local name and namespace. */
export function descendantsNamed(element: XmlElement, local: string, ns: string): XmlElement[] {
	return element.children.flatMap((c) => [
		...(c.local === local && c.ns === ns ? [c] : []),
		...descendantsNamed(c, local, ns)
	]);
}

export const NS = {
	metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
	assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
	protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
	dsig: 'http://www.w3.org/2000/09/xmldsig#'
} as const;
