// The Virtuoso test support itself: its configuration and its failure when Virtuoso is missing
// (the endpoint tests fail with the reason; they never skip).
import { readFileSync, existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { startVirtuoso, virtuosoIni, VIRTUOSO_INI } from "../../../support/virtuoso/virtuoso";

const TEMPLATE = `[Database]
DatabaseFile       = /var/lib/virtuoso-opensource-7/db/virtuoso.db
ErrorLogFile       = /var/lib/virtuoso-opensource-7/db/virtuoso.log
LockFile           = /var/lib/virtuoso-opensource-7/db/virtuoso.lck
TransactionFile    = /var/lib/virtuoso-opensource-7/db/virtuoso.trx
xa_persistent_file = /var/lib/virtuoso-opensource-7/db/virtuoso.pxa
ErrorLogLevel      = 7

[TempDatabase]
DatabaseFile       = /var/lib/virtuoso-opensource-7/db/virtuoso-temp.db
TransactionFile    = /var/lib/virtuoso-opensource-7/db/virtuoso-temp.trx

[Parameters]
ServerPort               = 1111
DirsAllowed              = ., /usr/share/virtuoso-opensource-7/vad

[HTTPServer]
ServerPort                  = 8890
ServerRoot                  = /var/lib/virtuoso-opensource-7/vsp
`;

describe("virtuosoIni", () => {
  it("moves the database to the folder and binds both ports to loopback", () => {
    const ini = virtuosoIni(TEMPLATE, { dir: "/tmp/v1", isqlPort: 4001, httpPort: 4002 });
    expect(ini).not.toContain("/var/lib/virtuoso-opensource-7/db");
    expect(ini).toContain("DatabaseFile = /tmp/v1/virtuoso.db");
    expect(ini).toContain("DatabaseFile = /tmp/v1/virtuoso-temp.db");
    expect(ini).toContain("xa_persistent_file = /tmp/v1/virtuoso.pxa");
    expect(ini).toMatch(/\[Parameters\]\nServerPort = 127\.0\.0\.1:4001\n/);
    expect(ini).toMatch(/\[HTTPServer\]\nServerPort = 127\.0\.0\.1:4002\n/);
    expect(ini).toContain("DirsAllowed = ., /tmp/v1,");
    expect(ini).toContain("ServerRoot                  = /var/lib/virtuoso-opensource-7/vsp");
    expect(ini.match(/ServerPort/g)).toHaveLength(2);
  });

  it("rewrites the packaged ini when it is installed", () => {
    if (!existsSync(VIRTUOSO_INI)) return; // the sparql project fails loudly instead
    const ini = virtuosoIni(readFileSync(VIRTUOSO_INI, "utf8"), {
      dir: "/tmp/v2",
      isqlPort: 5001,
      httpPort: 5002,
    });
    expect(ini).not.toMatch(/ServerPort\s*=\s*(1111|8890)\b/);
    expect(ini).not.toContain("/var/lib/virtuoso-opensource-7/db/");
  });
});

describe("startVirtuoso", () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it("fails with the reason and how to install when virtuoso-t is missing", async () => {
    process.env.PATH = "/nonexistent";
    await expect(startVirtuoso()).rejects.toThrow(
      /Virtuoso is not installed: virtuoso-t isql-vt not found on PATH; install it with: apt-get install -y virtuoso-opensource/,
    );
  });
});
