using IopTelehealth.Contracts.Clinic;

namespace IopTelehealth.Server.Hybrid;

internal static class HybridRegistration
{
    /// <summary>Check-in codes and the check-in service (in-person intervals reach the ledger through the attendance sink).</summary>
    public static IServiceCollection AddIopHybrid(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HybridSettings>().Bind(configuration.GetSection(HybridSettings.Section)).ValidateDataAnnotations()
            .Validate(s => s.CodeLifetime > s.CodeRotation, "Hybrid:CodeLifetime must be longer than Hybrid:CodeRotation.").ValidateOnStart();
        services.AddSingleton<CheckInCodeProtector>();
        services.AddScoped<ICheckInApi, CheckInService>();

        return services;
    }

    public static IEndpointRouteBuilder MapHybridEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapCheckInEndpoints();
        api.MapRoomDeviceEndpoints();
        api.MapRoomDeviceSession();
        return api;
    }
}
