// Crashes with a message that quotes "file content": it must not reach the caller.
throw new Error('root:x:0:0:root:/root:/bin/bash');
