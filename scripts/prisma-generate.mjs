console.log("prisma generate: schema not yet present")
