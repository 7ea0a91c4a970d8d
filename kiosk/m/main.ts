import '../lib/base.css';
import './theme.css';
import { boot } from '../lib/boot';
import App from './App.svelte';

boot(App, { view: 'phone' });
