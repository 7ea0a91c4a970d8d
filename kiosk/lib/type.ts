// The bundled Chinese face in its two weights (see type.css). Imported from the pages' entry
// modules rather than with CSS @import, so the build's plugins see the stylesheets (vite.config.ts
// keeps their WOFF2 files, sets the face's line metrics, and picks the kiosk's slices to precache).
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './type.css';
