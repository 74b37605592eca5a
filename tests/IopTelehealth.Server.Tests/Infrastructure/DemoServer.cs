namespace IopTelehealth.Server.Tests.Infrastructure;

/// <summary>A server with the demo clinic seeded, shared by the tests of one class.</summary>
public sealed class DemoServer : IopServer;
