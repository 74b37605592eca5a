using IopTelehealth.Identity;
using IopTelehealth.Persistence;
using IopTelehealth.Server.Attendance;
using IopTelehealth.Server.ClinicApi;
using IopTelehealth.Server.Home;
using IopTelehealth.Server.Hosting;
using IopTelehealth.Server.Hybrid;
using IopTelehealth.Server.Media;
using IopTelehealth.Server.Rooms;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Web;
using IopTelehealth.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
HostConfiguration.ApplyEmbeddedDefaults(builder);
// Exceptions in the log as their types only, whoever logs them (SafeConsoleFormatter says why).
builder.Logging.AddConsole(options => options.FormatterName = SafeConsoleFormatter.FormatterName).AddConsoleFormatter<SafeConsoleFormatter, ConsoleFormatterOptions>();
var dataDirectory = HostConfiguration.PrepareDataDirectory(builder);

var database = builder.Configuration.GetSection(DatabaseSettings.Section).Get<DatabaseSettings>() ?? new DatabaseSettings();
builder.Services.AddIopPersistence(database, dataDirectory);
builder.Services.AddIopIdentity<IopDbContext>(builder.Configuration, dataDirectory);
builder.Services.AddIopWebAuthentication(builder.Configuration, dataDirectory);
var scaleOut = ScaleOut.FromConfiguration(builder.Configuration);
scaleOut.AddSharedState(builder.Services, builder.Services.AddDataProtection().SetApplicationName("IopTelehealth"), dataDirectory);
builder.Services.AddIopRooms(builder.Configuration, scaleOut);
builder.Services.AddIopAttendance(builder.Configuration, dataDirectory);
builder.Services.AddIopMedia(builder.Configuration, scaleOut);
builder.Services.AddOptions<StorageSettings>().Bind(builder.Configuration.GetSection(StorageSettings.Section));
builder.Services.AddOptions<DemoSettings>().Bind(builder.Configuration.GetSection(DemoSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<DemoSettings>, DemoSettingsValidator>();
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddScoped<LoadTestSeeder>();
builder.Services.AddIopClinicApi();
builder.Services.AddIopHome();
builder.Services.AddIopHybrid(builder.Configuration);
builder.Services.AddAuthorization();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
// Static server rendering everywhere, except the room page, which renders Interactive WebAssembly in the browser.
builder.Services.AddRazorComponents().AddInteractiveWebAssemblyComponents();
builder.Services.AddCascadingAuthenticationState();

var app = builder.Build();
try
{
    await Bootstrap.RunAsync(app, dataDirectory);
}
catch (OptionsValidationException e)
{
    // A refused configuration is an operator's problem: say which key, without a stack trace.
    await Console.Error.WriteLineAsync("IopTelehealth refuses to start: " + string.Join(" ", e.Failures));
    return 2;
}

// Always the problem-details handler, also in Development: the embedded default is what clinics try first,
// and a stack trace in a browser can carry PHI.
app.UseExceptionHandler();

app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi();
app.MapIopIdentity();
app.MapWebSessionEndpoints();
app.MapClinicApi();
app.MapAttendanceApi();
app.MapIopRooms();
app.MapIopMedia();
app.MapRazorComponents<App>()
    .AddInteractiveWebAssemblyRenderMode()
    .AddAdditionalAssemblies(RoutedAssemblies.Client);

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, Console.Out));
await app.RunAsync();
return 0;

/// <summary>Entry point; public so functional tests can host it.</summary>
public partial class Program;
