using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace TicketGrains.Grains.Hosting;

/// <summary>Wires <see cref="RefusedSiloDetector"/> around every silo-to-silo connection, outbound and inbound.</summary>
public static class RefusedSiloDetection
{
    public static ISiloBuilder UseRefusedSiloDetection(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<RefusedSiloDetector>();
        return silo.Configure<SiloConnectionOptions>(o =>
        {
            o.ConfigureSiloOutboundConnection(connection => Watch(connection, outbound: true));
            // A killed silo's connections to this one end too; they are the only sign when this silo had nothing to send.
            o.ConfigureSiloInboundConnection(connection => Watch(connection, outbound: false));
        });
    }

    private static void Watch(IConnectionBuilder connection, bool outbound)
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
                _ = Task.Run(() => detector.OnConnectionEndedAsync(context.RemoteEndPoint, outbound));
            }
        });
    }
}
