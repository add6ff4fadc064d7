/**
 * A formula in plain words, for screen readers: "z equals w1 x1 plus w2 x2 plus b" instead of
 * the letter-by-letter reading KaTeX's MathML gets in Chromium. Covers the TeX the lessons and
 * the Lab write (fractions, powers, indices, Greek letters, matrices, cases, text); anything
 * else is read as its characters, never as TeX source.
 */

/** Commands read as a word (or a few). */
const WORDS: Record<string, string> = {
  alpha: 'alpha',
  beta: 'beta',
  gamma: 'gamma',
  delta: 'delta',
  epsilon: 'epsilon',
  eta: 'eta',
  theta: 'theta',
  lambda: 'lambda',
  mu: 'mu',
  pi: 'pi',
  sigma: 'sigma',
  tau: 'tau',
  phi: 'phi',
  partial: 'partial',
  nabla: 'the gradient of',
  cdot: 'times',
  times: 'times',
  leftarrow: 'becomes',
  gets: 'becomes',
  to: 'goes to',
  rightarrow: 'goes to',
  approx: 'is about',
  le: 'is at most',
  leq: 'is at most',
  ge: 'is at least',
  geq: 'is at least',
  ne: 'is not',
  neq: 'is not',
  infty: 'infinity',
  dots: 'and so on',
  ldots: 'and so on',
  cdots: 'and so on',
  max: 'max',
  min: 'min',
  log: 'log',
  ln: 'natural log',
  exp: 'exp',
  tanh: 'tanh',
  sin: 'sine',
  cos: 'cosine',
  top: 'transposed',
  prime: 'prime',
  pm: 'plus or minus',
};

/** Commands that take one argument and say something around it. */
const WRAPS: Record<string, (arg: string) => string> = {
  sqrt: (a) => `the square root of ${a}`,
  overline: (a) => `the average of ${a}`,
  bar: (a) => `${a} bar`,
  hat: (a) => `${a} hat`,
  vec: (a) => `vector ${a}`,
};

/** Functions: a bracket after one of these is read "of". */
const FUNCTIONS = new Set(['sigma', 'max', 'min', 'log', 'natural log', 'exp', 'tanh', 'sine', 'cosine', 'f', 'g', 'h', 'ReLU', 'softmax']);

const SYMBOLS: Record<string, string> = {
  '=': 'equals',
  '+': 'plus',
  '-': 'minus',
  '−': 'minus',
  '<': 'is less than',
  '>': 'is greater than',
  '/': 'over',
  '·': 'times',
  '×': 'times',
  ',': ',',
  ';': ',',
  ':': ':',
  '!': 'factorial',
};

type Token =
  { kind: 'command'; name: string } | { kind: 'char'; text: string } | { kind: 'number'; text: string } | { kind: 'text'; text: string };

/** Commands whose argument is words, kept as written (spaces included). */
const TEXT_COMMANDS = new Set(['text', 'mathrm', 'operatorname', 'textrm', 'mathit', 'mathbf', 'textbf']);

function tokenize(tex: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < tex.length) {
    const c = tex[i];
    if (c === '\\') {
      const letters = /^[a-zA-Z]+/.exec(tex.slice(i + 1));
      if (letters && TEXT_COMMANDS.has(letters[0]) && tex[i + 1 + letters[0].length] === '{') {
        // The argument's raw text, to its matching brace.
        let j = i + 2 + letters[0].length;
        let depth = 1;
        let text = '';
        for (; j < tex.length; j++) {
          if (tex[j] === '{') depth++;
          if (tex[j] === '}' && --depth === 0) break;
          text += tex[j];
        }
        tokens.push({ kind: 'text', text: text.replace(/\\[,; ]/g, ' ').replace(/[{}\\]/g, '') });
        i = j + 1;
      } else if (letters) {
        tokens.push({ kind: 'command', name: letters[0] });
        i += 1 + letters[0].length;
      } else {
        tokens.push({ kind: 'command', name: tex[i + 1] ?? '' });
        i += 2;
      }
    } else if (/\d/.test(c) || (c === '.' && /\d/.test(tex[i + 1] ?? ''))) {
      const number = /^\d*\.?\d+|^\d+/.exec(tex.slice(i))?.[0] ?? c;
      tokens.push({ kind: 'number', text: number });
      i += number.length;
    } else if (/\s/.test(c)) {
      i++;
    } else {
      tokens.push({ kind: 'char', text: c });
      i++;
    }
  }
  return tokens;
}

/** Reads tokens into words; `stop` ends a group (a closing brace, or a command such as \end or \right). */
class Reader {
  private i = 0;
  private absOpen = false;
  /** Open brackets: 'of' for a function's (its closing bracket is not said), '(' for grouping. */
  private readonly brackets: string[] = [];
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  /** The raw text of a {…} group (an environment's name), without reading it as maths. */
  private rawGroup(): string {
    const t = this.peek();
    if (t?.kind !== 'char' || t.text !== '{') {
      this.i++;
      return t === undefined ? '' : t.kind === 'command' ? t.name : t.text;
    }
    this.i++;
    let depth = 1;
    let out = '';
    while (this.i < this.tokens.length) {
      const tok = this.tokens[this.i++];
      if (tok.kind === 'char' && tok.text === '{') depth++;
      if (tok.kind === 'char' && tok.text === '}' && --depth === 0) break;
      out += tok.kind === 'command' ? '' : tok.text;
    }
    return out;
  }

  /** One argument: a {…} group read as maths, or a single token. */
  private argument(): string {
    const t = this.peek();
    if (t?.kind === 'char' && t.text === '{') {
      this.i++;
      const words = this.sequence('}');
      this.i++;
      return words;
    }
    if (t?.kind === 'number') {
      // \tfrac12: one digit per argument.
      this.i++;
      if (t.text.length > 1 && /^\d+$/.test(t.text)) {
        this.tokens.splice(this.i, 0, { kind: 'number', text: t.text.slice(1) });
        return t.text[0];
      }
      return t.text;
    }
    return this.atom() ?? '';
  }

  /** Words until `close` (not consumed) or a matrix separator inside a matrix. */
  sequence(close: string | null, inMatrix = false): string {
    const words: string[] = [];
    let previous = '';
    for (;;) {
      const t = this.peek();
      if (t === undefined) break;
      if (close !== null && t.kind === 'char' && t.text === close) break;
      if (t.kind === 'command' && t.name === 'end') break;
      if (inMatrix && ((t.kind === 'char' && t.text === '&') || (t.kind === 'command' && t.name === '\\'))) break;
      if (t.kind === 'char' && t.text === '(') {
        this.i++;
        const open = FUNCTIONS.has(previous) ? 'of' : '(';
        this.brackets.push(open);
        words.push(open);
        previous = '(';
        continue;
      }
      const word = this.atom();
      if (word === null) continue;
      const scripted = this.scripts(word);
      if (scripted !== '') words.push(scripted);
      previous = word;
    }
    return words.join(' ');
  }

  /** Subscripts, superscripts and primes after a base. */
  private scripts(base: string): string {
    let out = base;
    for (;;) {
      const t = this.peek();
      if (t?.kind === 'char' && t.text === '_') {
        this.i++;
        const sub = this.argument();
        out = /^[\d]+$/.test(sub) && /[a-zA-Z]$/.test(out) ? `${out}${sub}` : `${out} sub ${sub}`;
      } else if (t?.kind === 'char' && t.text === '^') {
        this.i++;
        const sup = this.argument().trim();
        if (sup === '2') out = `${out} squared`;
        else if (sup === '3') out = `${out} cubed`;
        else if (sup === 'transposed' || sup === 'prime') out = `${out} ${sup}`;
        else out = `${out} to the power ${sup}${sup.includes(' ') ? ',' : ''}`;
      } else if (t?.kind === 'char' && t.text === "'") {
        this.i++;
        out = `${out} prime`;
      } else {
        return out;
      }
    }
  }

  /** One thing: a word, a group, a fraction, a matrix…; null for what is not read (spacing, \left). */
  private atom(): string | null {
    const t = this.tokens[this.i++];
    if (t.kind === 'number' || t.kind === 'text') return t.text.trim();
    if (t.kind === 'char') {
      if (t.text === '{') {
        const words = this.sequence('}');
        this.i++;
        return words;
      }
      if (t.text === '}' || t.text === '&') return null;
      if (t.text === '|') {
        this.absOpen = !this.absOpen;
        return this.absOpen ? 'the absolute value of' : ',';
      }
      if (t.text === ')') return this.brackets.pop() === 'of' ? null : ')';
      if (t.text === "'") return 'prime';
      return SYMBOLS[t.text] ?? t.text;
    }
    const name = t.name;
    if (name === 'frac' || name === 'tfrac' || name === 'dfrac') {
      const top = this.argument();
      const bottom = this.argument();
      const simple = !top.includes(' ') && !bottom.includes(' ');
      return simple ? `${top} over ${bottom}` : `the fraction ${top}, over ${bottom}, end of fraction`;
    }
    if (name in WRAPS) return WRAPS[name](this.argument());
    if (name === 'sum') {
      let over = '';
      if (this.peek()?.kind === 'char' && (this.peek() as { text: string }).text === '_') {
        this.i++;
        over = ` over ${this.argument()}`;
      }
      return `the sum${over} of`;
    }
    if (name === 'left' || name === 'right' || name === 'displaystyle' || name === 'allowbreak' || name === '!') return null;
    if (name === 'begin') return this.environment(this.rawGroup());
    if (name === 'end') {
      this.rawGroup();
      return null;
    }
    if (name === ',' || name === ' ' || name === ';' || name === ':') return null;
    if (name === 'quad' || name === 'qquad' || name === '\\') return ',';
    if (name === '{' || name === '}') return null;
    if (name === '|') return 'norm';
    return WORDS[name] ?? name;
  }

  /** A matrix read row by row, or cases read "value if condition". */
  private environment(kind: string): string {
    const rows: string[][] = [[]];
    for (;;) {
      const cell = this.sequence(null, true);
      rows[rows.length - 1].push(cell);
      const t = this.tokens[this.i];
      if (t === undefined) break;
      this.i++;
      if (t.kind === 'command' && t.name === 'end') {
        this.rawGroup();
        break;
      }
      if (t.kind === 'command' && t.name === '\\') rows.push([]);
    }
    const filled = rows.filter((r) => r.some((c) => c !== ''));
    if (kind === 'cases') return filled.map((r) => (r.length > 1 ? `${r[0]} if ${r.slice(1).join(' ')}` : r[0])).join('; ');
    if (filled.every((r) => r.length === 1)) return `the column ${filled.map((r) => r[0]).join(', ')},`;
    return `the matrix with rows ${filled.map((r) => r.join(', ')).join('; ')},`;
  }
}

/** A formula in plain words. */
export function speakTex(tex: string): string {
  const words = new Reader(tokenize(tex)).sequence(null);
  return words
    .replace(/\s+/g, ' ')
    .replace(/ ([,;:)])/g, '$1')
    .replace(/\( /g, '(')
    .replace(/,+/g, ',')
    .replace(/[,;]\s*$/, '')
    .replace(/^[,;]\s*/, '')
    .trim();
}
