using TicketGrains.Grains.ReadModel;


namespace TicketGrains.Grains.Sla;

/// <summary>
/// One pass over a tenant's due tickets: page by page, each page checked a few tickets at a time. SLA pages run in
/// (deadline, id) order and continue after the last deadline seen, because tickets that are not overdue yet keep their
/// deadline (they arm a timer instead) and would otherwise fill every page; claim pages hold only claims already due
/// and run in id order.
/// </summary>
internal static class SlaSweep
{
    /// <summary>Calls <paramref name="check"/> once for every ticket due by <paramref name="until"/>; returns how many.</summary>
    public static Task<int> RunAsync(ITicketReadModel readModel, string tenant, DateTimeOffset until, int pageSize, int atOnce,
        Func<Guid, Task> check) =>
        PagesAsync<SlaDue>(after => readModel.SlaDueAsync(tenant, until, after, pageSize), d => d.TicketId, pageSize, atOnce, check);

    /// <summary>Calls <paramref name="check"/> once for every ticket whose unacknowledged claim was due by <paramref name="now"/>.</summary>
    public static Task<int> ClaimsAsync(ITicketReadModel readModel, string tenant, DateTimeOffset now, int pageSize, int atOnce,
        Func<Guid, Task> check) =>
        PagesAsync<Guid>(after => readModel.ClaimsDueAsync(tenant, now, after ?? Guid.Empty, pageSize), id => id, pageSize, atOnce, check);

    private static async Task<int> PagesAsync<T>(Func<T?, Task<IReadOnlyList<T>>> nextPage, Func<T, Guid> ticketOf, int pageSize, int atOnce,
        Func<Guid, Task> check)
        where T : struct
    {
        var total = 0;
        T? after = null;
        while (true)
        {
            var page = await nextPage(after);
            foreach (var wave in page.Chunk(atOnce))
            {
                await Task.WhenAll(wave.Select(d => check(ticketOf(d))));
            }

            total += page.Count;
            if (page.Count < pageSize)
            {
                return total;
            }

            after = page[^1];
        }
    }
}
