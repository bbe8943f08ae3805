// Fails loudly when an npm script runs on a Node other than the pinned major.
// Plain JavaScript on purpose: it must run, and complain, on the machine's global Node 20 too.
const major = process.versions.node.split('.')[0];
if (major !== '24') {
  console.error(
    `Guildhall needs Node 24, but this script runs on Node ${process.versions.node}.\n` +
      'The project pins Node 24 with the devDependency `node@24`; its install script must be approved:\n' +
      '  npm install-scripts approve node esbuild && npm install\n' +
      'Then run tools through npm scripts or npx, not node_modules/.bin directly.',
  );
  process.exit(1);
}
