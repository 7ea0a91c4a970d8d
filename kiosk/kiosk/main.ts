import '../lib/base.css';
import '../lib/type';
import './theme.css';
import { startKiosk } from './kiosk.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('the page has no #app element');
void startKiosk(target);
