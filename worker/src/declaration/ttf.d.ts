/** TrueType fonts are bundled as Data modules (the `rules` of wrangler.jsonc). */
declare module "*.ttf" {
  const bytes: ArrayBuffer;
  export default bytes;
}
