// A request the API refuses: an HTTP status and a one-line message, sent as {"error": "..."}.
package dev.w2v.serve;

/** Thrown by the handlers for a bad request; never carries a stack trace to the client. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;

  ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static ApiError bad(String message) {
    return new ApiError(400, message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, message);
  }
}
