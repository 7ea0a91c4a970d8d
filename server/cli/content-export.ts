import { main } from './content-cli';

main('export');
