/**
 * Parser for the row-filter syntax: a small SQL `WHERE` subset.
 *
 * ```text
 * expr    := term (OR term)*
 * term    := factor (AND factor)*
 * factor  := NOT factor | '(' expr ')' | TRUE | FALSE | startsWith '(' name ',' string ')' | test
 * test    := name ( op literal | [NOT] IN '(' literal, … ')' | [NOT] BETWEEN literal AND literal
 *                 | [NOT] LIKE 'prefix%' | IS [NOT] NULL )
 * op      := = | <> | != | < | <= | > | >=
 * literal := 'text' ('' escapes a quote) | number | TRUE | FALSE
 * name    := identifier (case-insensitive) | "quoted identifier"
 * ```
 *
 * @module
 */
import { ArrowSusError } from '../errors.js';
import { KEYWORDS, and, between, isIn, isNull, not, or, startsWith, type ComparisonOperator, type Predicate, type PredicateLiteral } from './predicate.js';

type Token =
  | { readonly type: 'name'; readonly text: string; readonly quoted: boolean; readonly at: number }
  | { readonly type: 'string'; readonly text: string; readonly at: number }
  | { readonly type: 'number'; readonly value: number; readonly at: number }
  | { readonly type: 'symbol'; readonly text: string; readonly at: number }
  | { readonly type: 'end'; readonly at: number };

function fail(message: string, at: number, source: string): never {
  throw new ArrowSusError('PREDICATE_INVALID', `predicate: ${message} at position ${at + 1} of "${source}"`, { details: { position: at, expression: source } });
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const at = i;
    if (c === "'" || c === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= source.length) fail(c === "'" ? 'unterminated string' : 'unterminated quoted name', at, source);
        const d = source[i] as string;
        if (d === c) {
          if (source[i + 1] === c) {
            text += c;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += d;
        i++;
      }
      tokens.push(c === "'" ? { type: 'string', text, at } : { type: 'name', text, quoted: true, at });
      continue;
    }
    const number = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(i));
    if (number !== null && (c !== '-' || /[\d.]/.test(source[i + 1] ?? ''))) {
      tokens.push({ type: 'number', value: Number(number[0]), at });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
    if (name !== null) {
      tokens.push({ type: 'name', text: name[0], quoted: false, at });
      i += name[0].length;
      continue;
    }
    const symbol = /^(<>|!=|<=|>=|[=<>(),])/.exec(source.slice(i));
    if (symbol === null) fail(`unexpected character "${c}"`, at, source);
    tokens.push({ type: 'symbol', text: symbol[0] === '!=' ? '<>' : symbol[0], at });
    i += symbol[0].length;
  }
  tokens.push({ type: 'end', at: source.length });
  return tokens;
}

class Parser {
  private index = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.index++;
    return token;
  }

  private isKeyword(word: string, token = this.peek()): boolean {
    return token.type === 'name' && !token.quoted && token.text.toUpperCase() === word;
  }

  private acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.index++;
    return true;
  }

  private expectKeyword(word: string): void {
    if (!this.acceptKeyword(word)) this.unexpected(`${word}`);
  }

  private acceptSymbol(text: string): boolean {
    const token = this.peek();
    if (token.type !== 'symbol' || token.text !== text) return false;
    this.index++;
    return true;
  }

  private expectSymbol(text: string): void {
    if (!this.acceptSymbol(text)) this.unexpected(`"${text}"`);
  }

  private unexpected(expected: string): never {
    const token = this.peek();
    const found = token.type === 'end' ? 'the end' : token.type === 'number' ? String(token.value) : `"${token.text}"`;
    fail(`expected ${expected} but found ${found}`, token.at, this.source);
  }

  parse(): Predicate {
    const predicate = this.expression();
    if (this.peek().type !== 'end') this.unexpected('AND, OR or the end');
    return predicate;
  }

  private expression(): Predicate {
    const terms = [this.term()];
    while (this.acceptKeyword('OR')) terms.push(this.term());
    return terms.length === 1 ? (terms[0] as Predicate) : or(...terms);
  }

  private term(): Predicate {
    const factors = [this.factor()];
    while (this.acceptKeyword('AND')) factors.push(this.factor());
    return factors.length === 1 ? (factors[0] as Predicate) : and(...factors);
  }

  private factor(): Predicate {
    if (this.acceptKeyword('NOT')) return not(this.factor());
    if (this.acceptSymbol('(')) {
      const inner = this.expression();
      this.expectSymbol(')');
      return inner;
    }
    if (this.acceptKeyword('TRUE')) return and();
    if (this.acceptKeyword('FALSE')) return or();
    const token = this.peek();
    const following = this.tokens[this.index + 1];
    if (token.type === 'name' && !token.quoted && token.text.toUpperCase() === 'STARTSWITH' && following?.type === 'symbol' && following.text === '(') {
      this.index += 2;
      const column = this.name();
      this.expectSymbol(',');
      const prefix = this.next();
      if (prefix.type !== 'string') fail('startsWith needs a quoted prefix', prefix.at, this.source);
      this.expectSymbol(')');
      return startsWith(column, prefix.text);
    }
    return this.test();
  }

  private name(): string {
    const token = this.peek();
    if (token.type !== 'name' || (!token.quoted && KEYWORDS.has(token.text.toUpperCase()))) this.unexpected('a column name');
    this.index++;
    return token.text;
  }

  private literal(): PredicateLiteral {
    const token = this.peek();
    let value: PredicateLiteral | undefined;
    if (token.type === 'string') value = token.text;
    else if (token.type === 'number') value = token.value;
    else if (this.isKeyword('TRUE', token)) value = true;
    else if (this.isKeyword('FALSE', token)) value = false;
    if (value === undefined) return this.unexpected('a literal (quoted text, number, TRUE or FALSE)');
    this.index++;
    return value;
  }

  private test(): Predicate {
    const column = this.name();
    const token = this.peek();
    if (token.type === 'symbol' && ['=', '<>', '<', '<=', '>', '>='].includes(token.text)) {
      this.index++;
      const value = this.literal();
      return Object.freeze({ kind: 'compare', column, op: token.text as ComparisonOperator, value });
    }
    if (this.acceptKeyword('IS')) {
      const negate = this.acceptKeyword('NOT');
      this.expectKeyword('NULL');
      return negate ? not(isNull(column)) : isNull(column);
    }
    const negate = this.acceptKeyword('NOT');
    let predicate: Predicate;
    if (this.acceptKeyword('IN')) {
      this.expectSymbol('(');
      const values = [this.literal()];
      while (this.acceptSymbol(',')) values.push(this.literal());
      this.expectSymbol(')');
      predicate = isIn(column, values);
    } else if (this.acceptKeyword('BETWEEN')) {
      const low = this.literal();
      this.expectKeyword('AND');
      predicate = between(column, low, this.literal());
    } else if (this.acceptKeyword('LIKE')) {
      const pattern = this.next();
      if (pattern.type !== 'string') fail('LIKE needs a quoted pattern', pattern.at, this.source);
      predicate = likePattern(column, pattern.text, pattern.at, this.source);
    } else {
      return this.unexpected(negate ? 'IN, BETWEEN or LIKE' : 'a comparison (=, <>, <, <=, >, >=, IN, BETWEEN, LIKE, IS NULL)');
    }
    return negate ? not(predicate) : predicate;
  }
}

// Only prefix patterns run on raw bytes: 'abc%' (and 'abc', plain equality). Anything else would
// need decoding every row, which is what predicates exist to avoid.
function likePattern(column: string, pattern: string, at: number, source: string): Predicate {
  const body = pattern.endsWith('%') ? pattern.slice(0, -1) : pattern;
  if (/[%_]/.test(body)) fail(`LIKE supports only a prefix pattern such as 'abc%' (got '${pattern}')`, at, source);
  return pattern.endsWith('%') ? startsWith(column, body) : Object.freeze({ kind: 'compare', column, op: '=', value: body });
}

/**
 * Parses a row filter such as `UF_ZI IN ('350000','330000') AND (IDADE >= '400' OR SEXO = '1')`.
 * Keywords and column names are case-insensitive. Throws `PREDICATE_INVALID` with
 * `details.position` (0-based offset of the offending token).
 *
 * @example
 * ```ts
 * const where = parsePredicate("UF_ZI = '350000' AND DT_INTER BETWEEN '2020-01-01' AND '2020-12-31'");
 * for await (const batch of readDbf(bytes, { where })) console.log(batch.numRows);
 * ```
 */
export function parsePredicate(text: string): Predicate {
  return new Parser(tokenize(text), text).parse();
}
