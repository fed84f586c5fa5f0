#!/usr/bin/python3
"""Runs one client of the client matrix against a private sandbox store.

    harness.py CLIENT

Starts bc-sandbox on a free port, writes a DSN named BigCommerceClients (Driver = BigCommerce)
to a private odbc.ini, reads the values the client must find straight from the sandbox's REST
API (never through the driver), and runs the client's test with them in the environment:

    BC_DSN            the DSN name
    BC_PRODUCT_ID     a product that has a brand
    BC_PRODUCT_NAME   its name              (the parameterized query returns it)
    BC_BRAND_NAME     its brand's name      (the join returns it)
    BC_CLIENT_ID      the OAuth client id   (the procedure's URL carries it)
    BC_API_URL, BC_STORE_ID, BC_TOKEN   the sandbox, for connections without the DSN

The driver is the one registered as "BigCommerce": with BC_CLIENTS_DRIVER=installed the
system's (the .deb, see scripts/client-matrix.sh), otherwise the build tree's, registered in a
private odbcinst.ini. A client that is not installed skips (exit 77) on a developer's
machine and fails under CI=true.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUILD = Path(os.environ.get("BC_BUILD_DIR", HERE.parents[1] / "build"))
SANDBOX = Path(os.environ.get("BC_SANDBOX", BUILD / "tests/sandbox/bc-sandbox"))
DRIVER = Path(os.environ.get("BC_DRIVER", BUILD / "driver/libbigcommerceodbc.so"))
SKIP = 77
STORE, TOKEN, CLIENT_ID = "clients", "clients-token", "clients-app"
DSN = "BigCommerceClients"


def _python_has(module):
    return ["/usr/bin/python3", "-c", f"import {module}"]


# client -> (command that runs its test, command that succeeds when the client is installed,
# the Debian packages that provide it)
CLIENTS = {
    "isql": (["bash", HERE / "test_isql.sh", "isql"], ["sh", "-c", "command -v isql"],
             "unixodbc"),
    "iusql": (["bash", HERE / "test_isql.sh", "iusql"], ["sh", "-c", "command -v iusql"],
              "unixodbc"),
    "pyodbc": (["/usr/bin/python3", HERE / "test_pyodbc.py"], _python_has("pyodbc"),
               "python3-pyodbc"),
    "perl": (["perl", HERE / "test_dbd_odbc.pl"], ["perl", "-MDBD::ODBC", "-e", "1"],
             "libdbd-odbc-perl"),
    "php_odbc": (["php", HERE / "test_php_odbc.php"],
                 ["php", "-r", "exit(function_exists('odbc_connect') ? 0 : 1);"],
                 "php-cli php-odbc"),
    "php_pdo": (["php", HERE / "test_php_pdo.php"],
                ["php", "-r", "exit(in_array('odbc', PDO::getAvailableDrivers()) ? 0 : 1);"],
                "php-cli php-odbc"),
    "rodbc": (["Rscript", "--vanilla", HERE / "test_rodbc.R"],
              ["Rscript", "--vanilla", "-e", "library(RODBC)"], "r-cran-rodbc"),
    "libreoffice": (["/usr/bin/python3", HERE / "test_libreoffice.py"],
                    ["sh", "-c", "command -v soffice && /usr/bin/python3 -c 'import uno'"],
                    "python3-uno libreoffice-base-nogui"),
    "sqlalchemy": (["/usr/bin/python3", HERE / "test_sqlalchemy.py"],
                   ["/usr/bin/python3", "-c", "import sqlalchemy, pandas, pyodbc"],
                   "python3-sqlalchemy python3-pandas python3-pyodbc"),
}


def skip_or_fail(message):
    if os.environ.get("CI") == "true":
        print(f"FAIL: {message} (CI=true: the client matrix needs every client)")
        sys.exit(1)
    print(f"SKIP: {message}")
    sys.exit(SKIP)


def installed(probe):
    try:
        return subprocess.run(probe, capture_output=True, timeout=60).returncode == 0
    except OSError:  # the program itself is missing
        return False


def start_sandbox(workdir):
    out = open(workdir / "sandbox.out", "w+")
    proc = subprocess.Popen([str(SANDBOX), "--port", "0", "--store-hash", STORE,
                             "--access-token", TOKEN, "--seed", "7", "--products", "20",
                             "--orders", "10", "--customers", "10", "--brands", "5"],
                            stdout=out, stderr=subprocess.STDOUT)
    for _ in range(100):
        out.seek(0)
        line = out.readline()
        if line.startswith("http://") and line.endswith("\n"):
            return proc, line.strip().rstrip("/")
        if proc.poll() is not None:
            break
        subprocess.run(["sleep", "0.1"])
    proc.kill()
    sys.exit(f"bc-sandbox did not start: {SANDBOX}")


def api(url, path):
    req = urllib.request.Request(f"{url}/stores/{STORE}{path}", headers={"X-Auth-Token": TOKEN})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)["data"]


def expectations(url):
    """A product with a brand, from the API the driver reads."""
    products = api(url, "/v3/catalog/products?limit=250")
    product = next(p for p in products if p.get("brand_id"))
    brand = api(url, f"/v3/catalog/brands/{product['brand_id']}")
    return {"BC_PRODUCT_ID": str(product["id"]), "BC_PRODUCT_NAME": product["name"],
            "BC_BRAND_NAME": brand["name"]}


def odbc_env(workdir, url):
    env = dict(os.environ)
    installed = env.get("BC_CLIENTS_DRIVER") == "installed"
    if installed:
        env.pop("ODBCSYSINI", None)
        env.pop("ODBCINSTINI", None)
        if subprocess.run(["odbcinst", "-q", "-d", "-n", "BigCommerce"], env=env,
                          capture_output=True).returncode != 0:
            sys.exit("BC_CLIENTS_DRIVER=installed but odbcinst -q -d lists no [BigCommerce]")
    else:
        (workdir / "odbcinst.ini").write_text(
            f"[BigCommerce]\nDriver = {DRIVER}\nThreading = 1\n")
        env["ODBCSYSINI"] = str(workdir)
    (workdir / "odbc.ini").write_text(
        f"[{DSN}]\nDriver = BigCommerce\nStoreId = {STORE}\nOAuthAccessToken = {TOKEN}\n"
        f"ApiBaseURL = {url}\nOAuthServerURL = {url}\nOAuthClientId = {CLIENT_ID}\n"
        "CallbackURL = https://app.example.com/callback\n")
    env["ODBCINI"] = str(workdir / "odbc.ini")
    env["HOME"] = str(workdir)  # clients that keep state (LibreOffice, R) keep it here
    env.update({"BC_DSN": DSN, "BC_CLIENT_ID": CLIENT_ID, "BC_WORKDIR": str(workdir),
                "BC_API_URL": url, "BC_STORE_ID": STORE, "BC_TOKEN": TOKEN})
    if not installed:  # the package installs the SQLAlchemy dialect; the tree has it here
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(HERE.parents[1] / "clients/sqlalchemy"), env.get("PYTHONPATH")]))
    return env


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in CLIENTS:
        sys.exit(f"usage: harness.py {{{','.join(CLIENTS)}}}")
    command, probe, packages = CLIENTS[sys.argv[1]]
    if not installed(probe):
        skip_or_fail(f"{sys.argv[1]} is not installed (apt-get install {packages})")
    workdir = Path(tempfile.mkdtemp(prefix=f"bc-client-{sys.argv[1]}-"))
    proc, url = start_sandbox(workdir)
    try:
        env = odbc_env(workdir, url)
        env.update(expectations(url))
        rc = subprocess.run([str(c) for c in command], env=env, cwd=workdir,
                            timeout=240).returncode
    finally:
        proc.terminate()
        proc.wait()
    if rc == 0:
        shutil.rmtree(workdir, ignore_errors=True)
    else:
        print(f"{sys.argv[1]} failed (exit {rc}); its files are in {workdir}")
    sys.exit(0 if rc == 0 else 1)


if __name__ == "__main__":
    main()
