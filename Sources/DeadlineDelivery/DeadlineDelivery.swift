// DeadlineDelivery: the channels that carry a reminder out of the daemon.
//
//   Outcome/    DeliveryOutcome, DeliveryError, Secret: what every channel returns, secret-free.
//   Curl/       a libcurl easy-handle wrapper, the pool of worker threads that own them, trust anchors (ca_file),
//               the classification of libcurl's result codes.
//   SMTP/       SMTPTransport (smtp:// with a STARTTLS policy, smtps://), the reply transcript, the classifier.
//   MIME/       RFC 5322/2045/2047/2231 rendering: EmailMessage, EmailAddress, encoded-words, quoted-printable.
//   iCalendar/  RFC 5545 VCALENDAR/VEVENT/VALARM writer for the .ics attachment.
//   Webhook/    WebhookTransport (HTTP POST, Standard Webhooks signing), its classifier, Retry-After parsing.
//
// Data flows one way: the caller renders bytes (EmailMessage.render(), ICalendarWriter, its JSON), hands them to a
// transport, and gets a DeliveryOutcome back: delivered (with the server's answer), a temporary failure (retry with
// backoff, no sooner than `retryAfter` if the server asked) or a permanent failure (needs an administrator).
// Nothing here reads the configuration file: the caller maps its keys onto SMTPServer and WebhookEndpoint.
//
//     let smtp = try SMTPTransport(server: SMTPServer(host: "mail.hanoi.gov.vn", port: 587,
//         credentials: SMTPCredentials(username: "nhacviec", password: Secret(fileContents: bytesOfPasswordFile))))
//     let outcome = await smtp.send(message)          // message: EmailMessage
//     switch outcome {
//     case .delivered(let receipt): ...               // receipt.response, receipt.rejectedRecipients
//     case .temporaryFailure(let error, let retryAfter): ...
//     case .permanentFailure(let error): ...          // "\(error)" is safe to log: no secrets
//     }
//     await smtp.shutdown()
//
// Threads: each transport owns a pool of up to `connections` OS threads (CurlWorkerPool), each with one libcurl easy
// handle and so one connection; send() hops to a free thread and back, so blocking libcurl calls never run on
// Swift's cooperative pool, concurrent sends use separate connections, and consecutive sends reuse one.
// Cancelling the calling task aborts a running transfer within about a second (libcurl's progress callback).

/// The version of the libcurl library linked into the process, e.g. `7.88.1`.
package var linkedCurlVersion: String { CurlGlobal.versionString }
