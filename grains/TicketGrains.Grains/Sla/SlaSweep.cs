using TicketGrains.Grains.ReadModel;


namespace TicketGrains.Grains.Sla;

/// <summary>
/// One pass over a tenant's due tickets: page by page in (deadline, id) order, each page checked a few tickets at a
/// time. Pages continue after the last deadline seen, because tickets that are not overdue yet keep their deadline
/// (they arm a timer instead) and would otherwise fill every page.
/// </summary>
internal static class SlaSweep
{
    /// <summary>Calls <paramref name="check"/> once for every ticket due by <paramref name="until"/>; returns how many.</summary>
    public static async Task<int> RunAsync(ITicketReadModel readModel, string tenant, DateTimeOffset until, int pageSize, int atOnce,
        Func<Guid, Task> check)
    {
        var total = 0;
        SlaDue? after = null;
        while (true)
        {
            var page = await readModel.SlaDueAsync(tenant, until, after, pageSize);
            foreach (var wave in page.Chunk(atOnce))
            {
                await Task.WhenAll(wave.Select(d => check(d.TicketId)));
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
