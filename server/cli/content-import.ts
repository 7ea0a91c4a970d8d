import { main } from './content-cli';

main('import');
