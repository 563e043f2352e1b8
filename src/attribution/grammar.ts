/**
 * Closed-class word sets of English grammar that several cue builders share (forms of "be", phrasal particles, time
 * and medium nouns, clause-cutting conjunctions, subordinators, nominative pronouns).
 */
import type { Token } from '../document';

const BE_FORMS = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", '’s', "'re", '’re', 'am', "'m"]);

export const CLAUSE_CUT_CONJ = new Set(['but', 'while', 'although', 'though', 'whereas', 'yet']);

/** Pronouns that are only ever subjects (or, "it", mostly so before a verb). */
export const NOMINATIVE_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it']);

/** Possessive determiners ("his statement", "their spokesman"). */
export const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

/** Pronouns that stand for people (not "it", "this", "which"): subject, object and possessive forms, and "who". */
export const PERSON_PRONOUNS: ReadonlySet<string> = new Set([
  ...[...NOMINATIVE_PRONOUNS, ...POSSESSIVE_PRONOUNS].filter((w) => w !== 'it' && w !== 'its'),
  ...['you', 'him', 'her', 'them', 'me', 'us', 'who'],
]);

/** Words that open a clause, tagged as prepositions: the phrase after them is its subject ("came as some Republicans reaffirmed"). */
export const SUBORDINATORS = new Set([
  'as',
  'after',
  'before',
  'since',
  'until',
  'while',
  'because',
  'once',
  'if',
  'though',
  'although',
  'whereas',
]);

export const WH_WORDS = new Set(['whether', 'if', 'how', 'what', 'why', 'when', 'where', 'who', 'which', 'whom']);

/** Adverbs that open a sentence as connectives ("Instead, …", "Meanwhile …"): never a name, whatever their tag. */
export const CONNECTIVE_ADVERBS = new Set([
  'instead',
  'however',
  'meanwhile',
  'still',
  'now',
  'then',
  'also',
  'so',
  'yet',
  'thus',
  'indeed',
  'later',
  'earlier',
  'again',
  'finally',
  'nevertheless',
  'nonetheless',
  'moreover',
  'similarly',
  'likewise',
  'otherwise',
  'here',
  'there',
  'perhaps',
  'maybe',
]);

/** Particles and prepositions that join a cue verb (a Map: looked up for every verb, with lemmas as keys). */
export const PHRASAL = new Map<string, string[]>(
  Object.entries({
    point: ['out', 'to'],
    refer: ['to'],
    call: ['for', 'on', 'out'],
    talk: ['about', 'of'],
    speak: ['about', 'of', 'out', 'to', 'on'],
    ask: ['about', 'for'],
    write: ['about', 'of'],
    complain: ['about', 'of'],
    worry: ['about'],
    think: ['about', 'of'],
    know: ['about', 'of'],
    joke: ['about'],
    testify: ['about', 'to'],
    warn: ['of', 'about', 'against'],
    boast: ['about', 'of'],
    brag: ['about'],
    learn: ['about', 'of'],
    hear: ['about', 'of', 'from'],
    argue: ['for', 'against', 'about'],
    comment: ['on'],
    focus: ['on'],
    insist: ['on'],
    agree: ['with', 'on', 'to'],
    vote: ['for', 'against'],
    look: ['at', 'to'],
    lay: ['out'],
    spell: ['out'],
    bring: ['up'],
    single: ['out'],
    weigh: ['in'],
    lash: ['out'],
    push: ['for', 'back'],
    rail: ['against'],
    say: ['of'],
    respond: ['to'],
    reply: ['to'],
    react: ['to'],
    allude: ['to'],
    hint: ['at'],
    lament: ['about'],
    dwell: ['on'],
    express: [],
    criticize: [],
    fire: ['back'],
    hit: ['back', 'out'],
    sign: ['off'],
    back: ['away', 'off'],
    apologize: ['for'],
    blame: [],
    thank: [],
    accuse: [],
    account: ['for'],
    advocate: ['for'],
    campaign: ['for', 'against'],
    cite: [],
    describe: [],
    remark: ['on'],
    reflect: ['on'],
    elaborate: ['on'],
    expand: ['on'],
    muse: ['about', 'on'],
    rave: ['about'],
    gush: ['about', 'over'],
    wonder: ['about'],
    care: ['about'],
    fret: ['about', 'over'],
    vouch: ['for'],
  }),
);

export const MEDIUM_NOUNS = new Set([
  'statement',
  'interview',
  'tweet',
  'post',
  'letter',
  'speech',
  'remarks',
  'email',
  'e-mail',
  'release',
  'op-ed',
  'message',
  'video',
  'appearance',
  'call',
  'conference',
  'briefing',
  'memo',
  'blog',
  'column',
  'essay',
  'article',
  'editorial',
  'op',
  'broadcast',
  'debate',
  'rally',
  'address',
  'testimony',
  'filing',
  'report',
  'podcast',
  'note',
  'posting',
  'text',
  'session',
  'hearing',
]);

export const GERUND_SUFFIX = { test: (w: string): boolean => w.endsWith('ing') };

export function isBe(t: Token | undefined): boolean {
  return t !== undefined && (t.pos === 'AUX' || t.pos === 'VERB') && (t.lemma === 'be' || BE_FORMS.has(t.normal));
}

export const TIME_NOUNS = new Set([
  'week',
  'weekend',
  'month',
  'year',
  'time',
  'day',
  'night',
  'morning',
  'afternoon',
  'evening',
  'moment',
  'decade',
  'spring',
  'summer',
  'fall',
  'autumn',
  'winter',
  'interview',
  'statement',
  'speech',
]);

export const TIME_ADVERBS = new Set([
  'earlier',
  'later',
  'yesterday',
  'today',
  'tonight',
  'recently',
  'previously',
  'once',
  'again',
  'then',
  'now',
  'since',
  'ago',
  'before',
  'afterward',
  'afterwards',
  'late',
  'early',
  'last',
  'this',
  'next',
  'that',
]);
