/** The AFINN-165 word list as shipped by the `sentiment` package (read at run time, not copied: AFINN is ODbL). */
declare module 'sentiment/languages/en/index.js' {
  const language: { labels: Record<string, number> };
  export default language;
}
