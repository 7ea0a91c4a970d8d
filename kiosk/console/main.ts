import '../lib/base.css';
import './theme.css';
import { boot } from '../lib/boot';
import App from './App.svelte';

// The public /live socket (counters, published content) comes from boot(); the /console socket
// opens only once a staff member has signed in (lib/console/console-app.svelte.ts).
boot(App, { view: 'console' });
