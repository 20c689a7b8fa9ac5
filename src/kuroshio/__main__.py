from kuroshio.cli import main

main()
