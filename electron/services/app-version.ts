/** The product version, from package.json (esbuild inlines just this field). */
import { version } from '../../package.json';

export const appVersion: string = version;
