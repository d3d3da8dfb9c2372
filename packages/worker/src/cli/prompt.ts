/**
 * Reads a line from a terminal without echoing it (a password). Ctrl-C aborts with an
 * error; Backspace edits. Only for a TTY: callers check that input is interactive first.
 */
export function readHidden(
  tty: NodeJS.ReadStream,
  prompt: string,
  write: (text: string) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = '';
    write(prompt);
    const wasRaw = tty.isRaw;
    tty.setRawMode(true);
    tty.resume();
    tty.setEncoding('utf8');
    const finish = (error?: Error): void => {
      tty.off('data', onData);
      tty.setRawMode(wasRaw);
      tty.pause();
      write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new Error('aborted'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ') value += char;
      }
    };
    tty.on('data', onData);
  });
}
