import { densityFor, UHD_QUERY, type StageDensity } from '../lib/stage/display-size';

/** Which composition the display gets (lib/stage/display-size.ts), following the viewport as it changes. */
export class DisplaySize {
  uhd = $state(false);
  readonly density: StageDensity = $derived(densityFor(this.uhd));

  constructor() {
    const query = matchMedia(UHD_QUERY);
    this.uhd = query.matches;
    query.addEventListener('change', (event) => (this.uhd = event.matches));
  }
}
