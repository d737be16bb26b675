using TicketGrains.Api.Attachments;
using TicketGrains.Grains.Channels;
using TicketGrains.Grains.Webhooks;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>
/// Fetching media from WeChat's or WeCom's <c>/cgi-bin/media/get</c>, and what its failures mean: busy and quota
/// answers, timeouts and transport errors pass; an unknown or expired media id (40007), a refused address or a file
/// too large do not.
/// </summary>
public static class MediaFailures
{
    public const string MediaPath = "/cgi-bin/media/get";

    /// <summary>System busy (-1), API frequency or daily quota reached (45009), minute quota reached (45011).</summary>
    private static readonly HashSet<int> RetryableCodes = [-1, 45009, 45011];

    public static async Task<FetchedFile> FetchByIdAsync(WeChatApi api, ApiAccount account, InboundContent content, long maxBytes, CancellationToken cancellationToken)
    {
        var mediaId = content.MediaId ?? throw new MediaFetchException("The message names no media id to fetch.", transient: false);
        var file = await api.GetFileAsync(account, MediaPath, "media_id=" + Uri.EscapeDataString(mediaId), maxBytes, cancellationToken);
        if (file.VideoUrl is { } video)
        {
            file = await ApiFiles.DownloadAsync(api.Client(), video, maxBytes, cancellationToken);
        }

        return new FetchedFile(file.FileName, file.Content);
    }

    public static async Task<FetchedFile> Guard(Func<Task<FetchedFile>> fetch, CancellationToken cancellationToken)
    {
        try
        {
            return await fetch();
        }
        catch (WeChatApiException e)
        {
            throw new MediaFetchException($"errcode {e.ErrorCode}: {e.ErrorMessage}", RetryableCodes.Contains(e.ErrorCode), e);
        }
        catch (FileTooLargeException e)
        {
            throw new MediaFetchException(e.Message, transient: false, e);
        }
        catch (HttpRequestException e) when (e.InnerException is RefusedAddressException refused)
        {
            throw new MediaFetchException(refused.Message, transient: false, e);
        }
        catch (HttpRequestException e)
        {
            throw new MediaFetchException(e.Message, transient: true, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MediaFetchException("The platform did not answer in time.", transient: true, e);
        }
    }
}
