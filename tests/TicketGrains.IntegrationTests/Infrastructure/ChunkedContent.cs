namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>A body sent without Content-Length (chunked), so the server learns its size only as it reads it.</summary>
public sealed class ChunkedContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
