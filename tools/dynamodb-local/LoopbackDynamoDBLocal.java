import java.lang.reflect.Field;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local bound to the loopback interface only.
 *
 * DynamoDB Local has no option for the listen address: its Jetty server listens on every
 * interface. This launcher builds the server exactly as the jar's own main does (same command
 * line options), then sets each Jetty connector's host to 127.0.0.1 before starting it, so nothing
 * outside this machine can reach it. Telemetry is always disabled (no network beyond loopback).
 *
 * Run with the single-file source launcher (no build step):
 *   java -cp 'DynamoDBLocal.jar:DynamoDBLocal_lib/*' -Djava.library.path=DynamoDBLocal_lib \
 *        LoopbackDynamoDBLocal.java -port 8123 -inMemory -sharedDb
 */
public class LoopbackDynamoDBLocal {
    public static void main(String[] args) throws Exception {
        String[] withTelemetryOff = new String[args.length + 1];
        System.arraycopy(args, 0, withTelemetryOff, 0, args.length);
        withTelemetryOff[args.length] = "-disableTelemetry";
        DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(withTelemetryOff);

        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        Connector[] connectors = jetty.getConnectors();
        if (connectors.length == 0) {
            throw new IllegalStateException("DynamoDB Local built no connector; refusing to start");
        }
        for (Connector connector : connectors) {
            if (!(connector instanceof ServerConnector)) {
                throw new IllegalStateException("unexpected connector " + connector.getClass() + "; refusing to start");
            }
            ((ServerConnector) connector).setHost("127.0.0.1");
        }
        proxy.start();
        System.out.println("DynamoDB Local listening on 127.0.0.1 only");
        proxy.join();
    }
}
