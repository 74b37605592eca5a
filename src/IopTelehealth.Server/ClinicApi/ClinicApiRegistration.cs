namespace IopTelehealth.Server.ClinicApi;

internal static class ClinicApiRegistration
{
    public static IServiceCollection AddIopClinicApi(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapClinicApi(this IEndpointRouteBuilder routes) => routes;
}
