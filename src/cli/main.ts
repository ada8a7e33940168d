// Placeholder entry point; replaced by the CLI dispatcher.
process.stdout.write('ec-access\n');
