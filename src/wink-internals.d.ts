/** wink-nlp's table of the token properties `out()` accepts (a Set of functions); see readRaw in nlp.ts. */
declare module 'wink-nlp/src/allowed.js' {
  const allowed: { its4token?: Set<unknown> };
  export default allowed;
}
