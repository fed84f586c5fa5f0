# Client matrix: Perl DBI with DBD::ODBC (libdbd-odbc-perl) through the DSN of harness.py.
use strict;
use warnings;
use DBI;

my @failures;
sub check {
    my ($what, $got, $want) = @_;
    $got = '(undef)' unless defined $got;
    push @failures, "$what: got '$got', want '$want'" unless $got eq $want;
}

my $dbh = DBI->connect("dbi:ODBC:DSN=$ENV{BC_DSN}", '', '',
    {RaiseError => 1, PrintError => 0, AutoCommit => 1, odbc_utf8_on => 1})
    or die "connect: $DBI::errstr";

my $tables = $dbh->table_info(undef, 'BigCommerce', '%', 'TABLE')->fetchall_arrayref({});
check('SQLTables lists Products', scalar(grep { $_->{TABLE_NAME} eq 'Products' } @$tables), 1);
my $columns = $dbh->column_info(undef, undef, 'Products', '%')->fetchall_arrayref({});
my %names = map { $_->{COLUMN_NAME} => 1 } @$columns;
check('SQLColumns of Products', join(',', grep { $names{$_} } qw(id name price brand_id)),
    'id,name,price,brand_id');

my $row = $dbh->selectrow_arrayref(
    'SELECT p.name, b.name FROM Products p JOIN Brands b ON b.id = p.brand_id WHERE p.id = ?',
    undef, $ENV{BC_PRODUCT_ID});
check('join', join('|', @$row), "$ENV{BC_PRODUCT_NAME}|$ENV{BC_BRAND_NAME}");

my $sth = $dbh->prepare('SELECT name FROM Products WHERE id = ?');
$sth->bind_param(1, $ENV{BC_PRODUCT_ID}, DBI::SQL_INTEGER);
$sth->execute;
check('parameterized query', ($sth->fetchrow_array)[0], $ENV{BC_PRODUCT_NAME});
$sth->finish;

my ($url) = $dbh->selectrow_array("CALL GetOAuthAuthorizationURL('WEB', "
    . "'https://app.example.com/callback', 'store_v2_products', 'client-state')");
check('procedure URL carries the client id', scalar($url =~ /client_id=\Q$ENV{BC_CLIENT_ID}\E&/), 1);
check('procedure URL carries the state', scalar($url =~ /&state=client-state/), 1);

my $ok = eval { $dbh->do('SELECT * FROM NoSuchTable'); 1 };
check('error raised', $ok ? 'no error' : 'error', 'error');
check('error SQLSTATE', $dbh->state, '42S02');
check('error message', scalar($dbh->errstr =~ /\[BigCommerce\]\[ODBC\] no such table/), 1);

$dbh->disconnect;
print "FAIL $_\n" for @failures;
print 'DBD::ODBC: ', (@failures ? scalar(@failures) . ' failures' : 'ok'), "\n";
exit(@failures ? 1 : 0);
