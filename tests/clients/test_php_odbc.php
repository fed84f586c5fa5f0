<?php
// Client matrix: PHP's odbc extension (php-odbc) through the DSN of harness.py.
$failures = [];
function check($what, $got, $want) {
    global $failures;
    if ($got !== $want)
        $failures[] = "$what: got " . var_export($got, true) . ", want " . var_export($want, true);
}
$E = getenv();

$c = odbc_connect($E['BC_DSN'], '', '');
if ($c === false)
    exit("connect failed: " . odbc_errormsg() . "\n");

$names = [];
$r = odbc_tables($c, '', 'BigCommerce', '%', 'TABLE');
while ($row = odbc_fetch_array($r))
    $names[] = $row['TABLE_NAME'];
check('SQLTables lists Products', in_array('Products', $names, true), true);
$columns = [];
$r = odbc_columns($c, '', '', 'Products', '%');
while ($row = odbc_fetch_array($r))
    $columns[] = $row['COLUMN_NAME'];
check('SQLColumns of Products', array_values(array_intersect(['id', 'name', 'price', 'brand_id'],
    $columns)), ['id', 'name', 'price', 'brand_id']);

$r = odbc_exec($c, 'SELECT p.name AS product, b.name AS brand FROM Products p JOIN Brands b ' .
    'ON b.id = p.brand_id WHERE p.id = ' . (int)$E['BC_PRODUCT_ID']);
$row = odbc_fetch_array($r);
check('join', [$row['product'], $row['brand']], [$E['BC_PRODUCT_NAME'], $E['BC_BRAND_NAME']]);

$s = odbc_prepare($c, 'SELECT name FROM Products WHERE id = ?');
odbc_execute($s, [(int)$E['BC_PRODUCT_ID']]);
check('parameterized query', odbc_result($s, 1), $E['BC_PRODUCT_NAME']);

$r = odbc_exec($c, "CALL GetOAuthAuthorizationURL('WEB', 'https://app.example.com/callback', " .
    "'store_v2_products', 'client-state')");
$url = odbc_result($r, 'URL');
check('procedure URL carries the client id',
    str_contains($url, 'client_id=' . $E['BC_CLIENT_ID'] . '&'), true);
check('procedure URL carries the state', str_contains($url, '&state=client-state'), true);

$r = @odbc_exec($c, 'SELECT * FROM NoSuchTable');
check('error raised', $r, false);
// The extension allocates an ODBC 2 environment, where 42S02 is called S0002.
check('error SQLSTATE', odbc_error($c), 'S0002');
check('error message', str_contains(odbc_errormsg($c), '[BigCommerce][ODBC] no such table'), true);

odbc_close($c);
foreach ($failures as $f)
    echo "FAIL $f\n";
echo 'php odbc: ' . ($failures ? count($failures) . ' failures' : 'ok') . "\n";
exit($failures ? 1 : 0);
