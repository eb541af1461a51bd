// Vraagbaak for VS Code: starts `vraagbaak serve` for `vraag` documents.
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration("vraagbaak");
  const command = config.get<string>("server.path") || "vraagbaak";
  const log = config.get<string>("server.log");
  const args = log ? ["serve", "--log", log] : ["serve"];

  const serverOptions: ServerOptions = {
    run: { command, args, transport: TransportKind.stdio },
    debug: { command, args, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "vraag" },
      { scheme: "untitled", language: "vraag" },
    ],
    // The server asks for the `vraagbaak` section (workspace/configuration) and
    // re-reads it on workspace/didChangeConfiguration.
    synchronize: { configurationSection: "vraagbaak" },
  };

  client = new LanguageClient("vraagbaak", "Vraagbaak", serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand("vraagbaak.restartServer", () => client?.restart()),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
