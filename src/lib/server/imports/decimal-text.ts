/**
 * A number as plain decimal text with '.' ('0.0000001', never '1e-7'), so both the number parser and
 * PostgreSQL's numeric read it exactly as JavaScript holds it.
 * @example decimalText(12.5) // '12.5'; decimalText(1e-7) // '0.0000001'
 */
export function decimalText(value: number): string {
	const text = String(value);
	if (!/e/i.test(text)) return text;
	return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}
