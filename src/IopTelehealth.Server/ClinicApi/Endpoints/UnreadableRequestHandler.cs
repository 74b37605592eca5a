using Microsoft.AspNetCore.Diagnostics;

namespace IopTelehealth.Server.ClinicApi.Endpoints;

/// <summary>
/// Malformed JSON, a value of the wrong type or a missing body is the client's mistake: a 400 problem, not a 500.
/// Minimal APIs throw <see cref="BadHttpRequestException"/> for these (ThrowOnBadRequest is on everywhere so that
/// every environment answers the same way); its message names the parameter, never a stack trace.
/// </summary>
internal sealed class UnreadableRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Type = bad.StatusCode == StatusCodes.Status400BadRequest ? ApiProblems.BadRequestType : null,
                Title = ApiProblems.UnreadableTitle,
                Detail = bad.Message,
            },
        });
    }
}
