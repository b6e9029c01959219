import HTTPTypes
import Hummingbird
import HummingbirdCore

/// Headers every response carries, whatever route made it: no framing, no referrer, no type guessing, no caching
/// unless the route allows it, and the strictest Content-Security-Policy unless the page names its own. A request
/// no route takes gets the "not found" page.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = WebRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response =
                error.status == .notFound || error.status == .methodNotAllowed
                ? WebSite.page(
                    ConfirmationPages.bilingual(title: \.notFoundTitle, text: \.invalid), status: error.status)
                : WebSite.text(error.status.reasonPhrase, status: error.status)
        }
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xContentTypeOptions] = "nosniff"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'"
        }
        return response
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xRealIP = Self("X-Real-IP")!
    static let xForwardedFor = Self("X-Forwarded-For")!
}
