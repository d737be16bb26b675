using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace TicketGrains.Grains.Hosting;

/// <summary>Wires <see cref="RefusedSiloDetector"/> around every outbound silo-to-silo connection.</summary>
public static class RefusedSiloDetection
{
    public static ISiloBuilder UseRefusedSiloDetection(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<RefusedSiloDetector>();
        return silo.Configure<SiloConnectionOptions>(o => o.ConfigureSiloOutboundConnection(connection =>
        {
            var detector = connection.ApplicationServices.GetRequiredService<RefusedSiloDetector>();
            connection.Use(next => async context =>
            {
                try
                {
                    await next(context);
                }
                finally
                {
                    // Off the connection's teardown path: the check takes a connect and maybe a membership write.
                    _ = Task.Run(() => detector.OnConnectionEndedAsync(context.RemoteEndPoint));
                }
            });
        }));
    }
}
