import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Answers requests Node rejects before Koa sees them (headers over the 16 KiB limit, a
 * malformed request line) in the API's error shape instead of Node's empty-bodied default,
 * so every client gets `{code, message, description}`, whatever it sent.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const [status, reason, code, message] = tooLarge
      ? [
          431,
          'Request Header Fields Too Large',
          'HEADERS_TOO_LARGE',
          'The request headers are too large.',
        ]
      : [400, 'Bad Request', 'MALFORMED_REQUEST', 'The request is not valid HTTP.'];
    const body = JSON.stringify({
      code,
      message,
      description: 'The server could not read the request.',
    });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
