// A real SMTP server for the browser tests: Kontor delivers to it over SMTP, and the tests
// read what arrived over HTTP (GET /messages -> [{ to, subject, text }], newest last).
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const smtpPort = Number(process.env.MAIL_SINK_SMTP_PORT ?? 3125);
const httpPort = Number(process.env.MAIL_SINK_HTTP_PORT ?? 3126);
const messages = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        for (const to of session.envelope.rcptTo) {
          messages.push({ to: to.address, subject: mail.subject ?? '', text: mail.text ?? '' });
        }
        callback();
      })
      .catch(callback);
  },
});
smtp.listen(smtpPort, '127.0.0.1');

createServer((request, response) => {
  if (request.url === '/messages') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(messages));
  } else {
    response.writeHead(request.url === '/healthz' ? 200 : 404);
    response.end();
  }
}).listen(httpPort, '127.0.0.1');
