import DeadlineKit
import HTTPTypes
import Hummingbird
import HummingbirdCore
package import Logging
import NIOCore

/// The routes, on Hummingbird's router:
///
/// | method | path | what |
/// |---|---|---|
/// | GET | `/xac-nhan/TOKEN` | the task, its due date and unit, and the button (changes nothing) |
/// | POST | `/xac-nhan/TOKEN` | records the unit's part done (rate-limited per address) |
/// | GET | `/lich/TOKEN.ics` | the unit's calendar of open occurrences |
/// | GET | `/bao-cao/TOKEN` | the office's report |
/// | GET | `/robots.txt` | no indexing |
///
/// Anything else is "not found". No route changes the configuration or does what `deadlinectl` does for admins.
package struct WebSite: Sendable {
    let desk: any WebDesk
    let limiter: PostRateLimiter
    let logger: Logger

    package init(desk: any WebDesk, logger: Logger, postsPerMinute: Int = 10) {
        self.desk = desk
        self.limiter = PostRateLimiter(burst: postsPerMinute, refillSeconds: 60 / Double(max(postsPerMinute, 1)))
        self.logger = logger
    }

    func router() -> Router<WebRequestContext> {
        let router = Router(context: WebRequestContext.self, options: [.autoGenerateHeadEndpoints])
        router.add(middleware: SecurityHeaders())
        router.get("\(WebLinks.confirmPath)/:token") { _, context in
            await self.showConfirmation(token: context.parameters.get("token") ?? "")
        }
        router.post("\(WebLinks.confirmPath)/:token") { request, context in
            await self.confirm(request, context: context, token: context.parameters.get("token") ?? "")
        }
        router.get("\(WebLinks.calendarPath)/:file") { _, context in
            await self.calendar(file: context.parameters.get("file") ?? "")
        }
        router.get("\(WebLinks.reportPath)/:token") { _, context in
            await self.report(token: context.parameters.get("token") ?? "")
        }
        router.get("robots.txt") { _, _ in
            Self.text("User-agent: *\nDisallow: /\n", status: .ok, cache: "public, max-age=86400")
        }
        return router
    }

    /// What Hummingbird's HTTP/1.1 channel calls for each request: the router's answer with a `Date` header.
    func responder() -> HTTPChannelHandler.Responder {
        let routes = router().buildResponder()
        let logger = self.logger
        return { request, writer, channel in
            let context = WebRequestContext(source: .init(channel: channel, logger: logger))
            var response: Response
            do {
                response = try await routes.respond(to: request, context: context)
            } catch {
                logger.error("web: \(request.method) failed: \(error)")
                response = Self.text("Internal Server Error", status: .internalServerError)
            }
            response.headers[.date] = HTTPDate.now()
            try await writer.write(response: response.head, body: response.body)
        }
    }

    // MARK: Routes

    func showConfirmation(token: String) async -> Response {
        guard let link = desk.links?.confirmation(token: token) else { return Self.invalidLink() }
        let view = await desk.confirmation(link)
        if link.expires < desk.now() {
            return Self.page(ConfirmationPages.expired(view, language: link.language), status: .gone)
        }
        guard let view else { return Self.notFound(link.language) }
        return Self.page(ConfirmationPages.form(view, language: link.language), status: .ok)
    }

    func confirm(_ request: Request, context: WebRequestContext, token: String) async -> Response {
        guard limiter.allow(context.clientAddress(request)) else {
            var response = Self.page(
                ConfirmationPages.bilingual(title: \.errorTitle, text: \.tooMany), status: .tooManyRequests)
            response.headers[.retryAfter] = String(limiter.retryAfterSeconds())
            return response
        }
        guard let link = desk.links?.confirmation(token: token) else { return Self.invalidLink() }
        let now = desk.now()
        let view = await desk.confirmation(link)
        if link.expires < now {
            return Self.page(ConfirmationPages.expired(view, language: link.language), status: .gone)
        }
        guard view != nil else { return Self.notFound(link.language) }
        var request = request
        guard let body = try? await request.collectBody(upTo: FormBody.maxBodyBytes) else {
            return Self.text("Payload Too Large", status: .contentTooLarge)
        }
        let note = FormBody.note(FormBody.fields(Array(buffer: body)))
        switch await desk.confirm(link, note: note, at: now) {
        case .recorded(let at):
            return Self.page(ConfirmationPages.recorded(view, at: at, language: link.language), status: .ok)
        case .alreadyConfirmed(let prior):
            return Self.page(ConfirmationPages.already(view, prior: prior, language: link.language), status: .ok)
        case .notFound:
            return Self.notFound(link.language)
        case .unavailable:
            var response = Self.page(
                ConfirmationPages.message(link.language, title: \.errorTitle, text: \.unavailable, tone: "warn"),
                status: .serviceUnavailable)
            response.headers[.retryAfter] = "60"
            return response
        }
    }

    func calendar(file: String) async -> Response {
        guard file.hasSuffix(".ics"), let unit = desk.links?.calendarUnit(token: file.dropLast(4)),
            let text = await desk.calendar(unitID: unit, at: desk.now())
        else { return Self.text("Not Found", status: .notFound) }
        var headers = HTTPFields()
        headers[.contentType] = "text/calendar; charset=utf-8"
        headers[.contentDisposition] = "inline; filename=\"lich-\(unit).ics\""
        headers[.cacheControl] = "private, max-age=900"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func report(token: String) async -> Response {
        guard desk.links?.isReportToken(token) == true else { return Self.invalidLink() }
        guard let page = await desk.report(at: desk.now()) else {
            return Self.page(
                ConfirmationPages.message(.vi, title: \.errorTitle, text: \.unavailable, tone: "warn"),
                status: .serviceUnavailable)
        }
        return Self.page(page, status: .ok)
    }

    // MARK: Responses

    static func invalidLink() -> Response {
        page(ConfirmationPages.bilingual(title: \.invalidTitle, text: \.invalid), status: .notFound)
    }

    static func notFound(_ language: Language) -> Response {
        page(
            ConfirmationPages.message(language, title: \.notFoundTitle, text: \.notFound, tone: "warn"),
            status: .notFound)
    }

    /// A page with its own Content-Security-Policy.
    static func page(_ document: HTMLDocument, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = document.contentSecurityPolicy
        return Response(
            status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: document.rendered)))
    }

    static func text(_ text: String, status: HTTPResponse.Status, cache: String = "no-store") -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = cache
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
