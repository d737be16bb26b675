using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace TicketGrains.Api.Infrastructure;

/// <summary>
/// Reads a request body whole under a limit enforced here rather than by the server, so that a body somewhat over it can
/// be read to its end before its 413. When the server refuses a body it answers and closes the connection with the rest
/// unread, and a client still sending that rest can meet a broken pipe or a reset instead of the 413: a flaky
/// hostile-input test (2026-12-04), and a platform cut off mid-push retries a message that can never be accepted. Read to
/// its end, the body leaves the connection clean: the client gets its 413 and may keep the connection.
/// </summary>
public static class LimitedBody
{
    /// <summary>
    /// The body, at most <paramref name="limit"/> bytes. A larger one is refused with 413, once it has been read to its
    /// end and dropped if it is at most <paramref name="drainAllowance"/> bytes past the limit. One declared larger still
    /// is refused unread, and a chunked one is cut off by the server when it passes that bound; either way the connection
    /// is then closed.
    /// </summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, long limit, long drainAllowance)
    {
        var context = request.HttpContext;
        var aborted = context.RequestAborted;
        // Saturated: a caller that has no limit to enforce passes long.MaxValue.
        var drainBound = limit > long.MaxValue - drainAllowance ? long.MaxValue : limit + drainAllowance;
        if (request.ContentLength is { } declared && declared > limit)
        {
            if (declared > drainBound)
            {
                AnnounceClose(context.Response);
                throw TooLarge();
            }

            // None of a body declared over the limit can be used, so none of it is kept while it is read.
            LiftServerLimit(context, drainBound);
            await DiscardRestAsync(request.BodyReader, aborted);
            throw TooLarge();
        }

        // A chunked body shows its size only as it arrives, and is refused once it grows over the limit.
        LiftServerLimit(context, drainBound);
        var reader = request.BodyReader;
        var body = new ArrayBufferWriter<byte>();
        while (true)
        {
            var read = await reader.ReadAsync(aborted);
            if (body.WrittenCount + read.Buffer.Length > limit)
            {
                reader.AdvanceTo(read.Buffer.End);
                if (!read.IsCompleted)
                {
                    await DiscardRestAsync(reader, aborted);
                }

                throw TooLarge();
            }

            // Consumed as it is copied, not left in the server's buffers: Kestrel stops reading the connection while a
            // request holds its request buffer size unconsumed (1 MiB by default, a channel's whole limit).
            foreach (var segment in read.Buffer)
            {
                body.Write(segment.Span);
            }

            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                return body.WrittenSpan.ToArray();
            }
        }
    }

    /// <summary>
    /// The server's own limit (the route's, which may be below the caller's) becomes the drain bound; the caller's limit
    /// is enforced above. Where it can no longer be changed (the body is already being read), the server's limit stays
    /// and refuses as before.
    /// </summary>
    private static void LiftServerLimit(HttpContext context, long drainBound)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = drainBound;
        }
    }

    private static async Task DiscardRestAsync(PipeReader reader, CancellationToken aborted)
    {
        ReadResult read;
        do
        {
            // Past the drain bound this throws the server's own 413, and the connection is closed as before.
            read = await reader.ReadAsync(aborted);
            reader.AdvanceTo(read.Buffer.End);
        }
        while (!read.IsCompleted);
    }

    /// <summary>
    /// A body refused unread leaves its connection unusable, and the server closes it after the answer. The answer says
    /// so ("Connection: close", as the server's own refusal of a declared length does), so the client sends no next
    /// request into it. Set as the answer starts: the exception handler clears the headers before it writes the problem.
    /// </summary>
    private static void AnnounceClose(HttpResponse response) => response.OnStarting(() =>
    {
        response.Headers.Connection = "close";
        return Task.CompletedTask;
    });

    // ProblemExceptionHandler answers every 413 with the same problem, whichever of this or the server refused the body.
    private static BadHttpRequestException TooLarge() =>
        new("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
}
