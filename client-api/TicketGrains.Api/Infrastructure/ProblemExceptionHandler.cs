using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Api.Infrastructure;

/// <summary>Maps every failure to a ProblemDetails response; no request ever ends in an unexplained 500.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem.Status >= 500)
        {
            logger.LogWarning(exception, "Request {Path} failed", context.Request.Path);
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // A lost table needs an operator, not a quick retry; everything else transient clears within moments.
            context.Response.Headers.RetryAfter = exception is SchemaMissingException ? "30" : "1";
        }

        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        ValidationFailed e => new ValidationProblemDetails(e.Errors.ToDictionary()) { Status = 400, Title = "Invalid fields." },
        InvalidFieldException e => new ValidationProblemDetails(new Dictionary<string, string[]> { [e.Field] = [e.Message] })
        {
            Status = 400,
            Title = $"Invalid field '{e.Field}'.",
        },
        NotFoundException e => new ProblemDetails { Status = 404, Title = "Not found.", Detail = e.Message },
        ConflictException e => new ProblemDetails { Status = 409, Title = "Conflict.", Detail = e.Message },
        SchemaMissingException e => new ProblemDetails { Status = 503, Title = "A durable table is missing; writes are refused.", Detail = e.Message },
        BadHttpRequestException { StatusCode: 413 } => Invalid(413, "body", "The request body is too large."),
        BadHttpRequestException e => Invalid(e.StatusCode, "body", e.Message),
        _ when GrainRetry.IsTransient(exception) => new ProblemDetails
        {
            Status = 503,
            Title = "Temporarily unavailable; retry.",
            Detail = GrainRetry.StorageFailure(exception)?.Message ?? "The cluster is rebalancing.",
        },
        // A database call made in this process that no store translated is still the database's failure, not a bug.
        _ when StorageErrors.IsDatabaseFailure(exception) => new ProblemDetails
        {
            Status = 503,
            Title = "Temporarily unavailable; retry.",
            Detail = StorageErrors.Translate(exception).Message,
        },
        _ => new ProblemDetails { Status = 500, Title = "Unexpected error." },
    };

    private static ValidationProblemDetails Invalid(int status, string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] }) { Status = status, Title = message };
}
