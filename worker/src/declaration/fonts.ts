import bold from "./fonts/LiberationSerif-Bold.ttf";
import regular from "./fonts/LiberationSerif-Regular.ttf";

/** Liberation Serif (SIL OFL 1.1, see fonts/OFL.txt): Vietnamese in full, metrics of Times New Roman. */
export const DECLARATION_FONTS = { regular, bold };
